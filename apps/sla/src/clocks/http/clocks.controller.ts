import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@salur/platform';
import { IsUUID } from 'class-validator';
import { ListClocks } from '../application/list-clocks/list-clocks.use-case';

export class ClocksQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  complaintId: string;
}

export class ClockDto {
  @ApiProperty({ format: 'uuid' }) clockId: string;
  @ApiProperty({ format: 'uuid' }) complaintId: string;
  @ApiProperty({ example: 'follow_up' }) stage: string;
  @ApiProperty({ nullable: true, example: 'pemda-64.71' }) agency: string | null;
  @ApiProperty({ example: 'running' }) status: string;
  @ApiProperty() policyVersion: number;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) breachedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt: string | null;
}

export class ClockListDto {
  @ApiProperty({ type: [ClockDto] }) items: ClockDto[];
}

@ApiTags('sla')
@Controller('v1/sla/clocks')
@Authenticated('oncall', 'admin', 'verifier')
export class ClocksController {
  constructor(private readonly listClocks: ListClocks) {}

  @Get()
  @ApiOkResponse({ type: ClockListDto })
  async list(@Query() query: ClocksQuery): Promise<ClockListDto> {
    const clocks = await this.listClocks.execute(query.complaintId);
    return {
      items: clocks.map((c) => ({
        clockId: c.clockId,
        complaintId: c.complaintId,
        stage: c.stage,
        agency: c.agency,
        status: c.status,
        policyVersion: c.policyVersion,
        startedAt: c.startedAt.toISOString(),
        dueAt: c.dueAt.toISOString(),
        breachedAt: c.breachedAt?.toISOString() ?? null,
        endedAt: c.endedAt?.toISOString() ?? null,
      })),
    };
  }
}
