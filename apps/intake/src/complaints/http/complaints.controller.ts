import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RegionDirectory } from '@salur/directory';
import { RequestValidationError } from '@salur/platform';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { GetComplaintStatus } from '../application/get-status/get-complaint-status.use-case';
import { SubmitComplaint } from '../application/submit-complaint/submit-complaint.use-case';
import { SubmitComplaintDto, SubmitComplaintResponseDto } from './submit-complaint.dto';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Canonical JSON (sorted keys), so the same request always has the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

@ApiTags('complaints')
@Controller('v1/complaints')
export class ComplaintsController {
  constructor(
    private readonly submitComplaint: SubmitComplaint,
    private readonly getComplaintStatus: GetComplaintStatus,
    private readonly regions: RegionDirectory,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key and body get the first answer',
  })
  @ApiAcceptedResponse({ type: SubmitComplaintResponseDto })
  async submit(
    @Body() dto: SubmitComplaintDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmitComplaintResponseDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new RequestValidationError([
        { field: 'Idempotency-Key', message: 'must be 1–255 printable ASCII characters' },
      ]);
    }
    const region = this.regions.check(dto.location.regionCode);
    if (!region.known) {
      throw new RequestValidationError([{ field: 'location.regionCode', message: region.message }]);
    }
    const result = await this.submitComplaint.execute({
      input: {
        type: dto.type,
        channel: dto.channel,
        title: dto.title.normalize('NFC'),
        body: dto.body.normalize('NFC'),
        ...(dto.category !== undefined ? { category: dto.category } : {}),
        regionCode: dto.location.regionCode,
        ...(dto.location.address !== undefined ? { address: dto.location.address } : {}),
        privacy: dto.privacy,
        language: dto.language ?? 'id',
        ...(dto.reporter
          ? {
              reporter: {
                ...(dto.reporter.name !== undefined
                  ? { name: dto.reporter.name.normalize('NFC') }
                  : {}),
                ...(dto.reporter.email !== undefined ? { email: dto.reporter.email } : {}),
                ...(dto.reporter.phone !== undefined ? { phone: dto.reporter.phone } : {}),
              },
            }
          : {}),
      },
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      fingerprint: createHash('sha256').update(canonical(dto)).digest('hex'),
    });
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    const { replayed: _replayed, ...body } = result;
    return body;
  }

  @Get(':trackingId')
  @ApiHeader({
    name: 'X-Tracking-Token',
    required: false,
    description: "The reporter's token for the full view",
  })
  @ApiOkResponse({ description: 'Public summary, or the reporter view with a valid token' })
  status(
    @Param('trackingId') trackingId: string,
    @Headers('x-tracking-token') token: string | undefined,
  ): Promise<unknown> {
    return this.getComplaintStatus.execute(trackingId, token);
  }
}
