import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Res,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { RegionDirectory } from '@salur/directory';
import {
  annotateComplaint,
  registerValidDtoCheck,
  RequestValidationError,
  type FieldError,
} from '@salur/platform';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { GetComplaintStatus } from '../application/get-status/get-complaint-status.use-case';
import type { ReporterActionResult } from '../application/reporter-action/reporter-action.command';
import { ActAsReporter } from '../application/reporter-action/reporter-action.use-case';
import { SubmitComplaint } from '../application/submit-complaint/submit-complaint.use-case';
import { attachmentSetProblems, type AttachmentInput } from '../domain/attachments';
import type { SubmissionInput } from '../domain/submission';
import { TRACKING_ID_FORMAT } from '../domain/tracking';
import { ClientRateLimitGuard, RetryAfterInterceptor } from './rate-limit.guard';
import {
  ConfirmationDto,
  ReopenDto,
  ReplyDto,
  ReporterActionResponseDto,
} from './reporter-action.dto';
import { SubmitComplaintDto, SubmitComplaintResponseDto } from './submit-complaint.dto';
import { validSubmission } from './submit-complaint.valid-check';

// The busiest route: a valid body is checked by hand, without class-validator's metadata walk;
// anything else is validated by the DTO's decorators as every other body is.
registerValidDtoCheck(SubmitComplaintDto, validSubmission);

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const TRACKING_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/** Canonical JSON (sorted keys), so the same request always has the same fingerprint. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The submission the DTO describes, in the domain's shape (the DTO already normalised it). */
export function submissionInputOf(dto: SubmitComplaintDto): SubmissionInput {
  const { location, reporter } = dto;
  return {
    type: dto.type,
    channel: dto.channel,
    title: dto.title,
    body: dto.body,
    ...(dto.category !== undefined ? { category: dto.category } : {}),
    ...(dto.occurredAt !== undefined ? { occurredAt: dto.occurredAt } : {}),
    regionCode: location.regionCode,
    ...(location.address !== undefined ? { address: location.address } : {}),
    ...(location.lat !== undefined && location.lon !== undefined
      ? { lat: location.lat, lon: location.lon }
      : {}),
    ...(dto.targetAgency !== undefined ? { targetAgency: dto.targetAgency } : {}),
    privacy: dto.privacy,
    language: dto.language ?? 'id',
    ...(reporter
      ? {
          reporter: {
            ...(reporter.name !== undefined ? { name: reporter.name } : {}),
            ...(reporter.email !== undefined ? { email: reporter.email } : {}),
            ...(reporter.phone !== undefined ? { phone: reporter.phone } : {}),
            ...(reporter.nationalId !== undefined ? { nationalId: reporter.nationalId } : {}),
          },
        }
      : {}),
    attachments: (dto.attachments ?? []).map(attachmentOf),
  };
}

function attachmentOf(a: AttachmentInput): AttachmentInput {
  return { url: a.url, contentType: a.contentType, size: a.size, sha256: a.sha256 };
}

@ApiTags('complaints')
@Controller('v1/complaints')
@UseInterceptors(RetryAfterInterceptor)
export class ComplaintsController {
  constructor(
    private readonly submitComplaint: SubmitComplaint,
    private readonly getComplaintStatus: GetComplaintStatus,
    private readonly actAsReporter: ActAsReporter,
    private readonly regions: RegionDirectory,
  ) {}

  @Post()
  @HttpCode(202)
  @UseGuards(ClientRateLimitGuard)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key and body get the first answer',
  })
  @ApiAcceptedResponse({ type: SubmitComplaintResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Rate limited; see Retry-After' })
  async submit(
    @Body() dto: SubmitComplaintDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmitComplaintResponseDto> {
    const problems: FieldError[] = [];
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      problems.push({
        field: 'Idempotency-Key',
        message: 'must be 1–255 printable ASCII characters',
      });
    }
    const region = this.regions.check(dto.location.regionCode);
    if (!region.known) problems.push({ field: 'location.regionCode', message: region.message });
    problems.push(...attachmentSetProblems(dto.attachments ?? []));
    if (problems.length > 0) throw new RequestValidationError(problems);

    const result = await this.submitComplaint.execute({
      input: submissionInputOf(dto),
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      fingerprint: createHash('sha256').update(canonicalJson(dto)).digest('hex'),
    });
    annotateComplaint(result.complaintId);
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
  @ApiOkResponse({
    description:
      'Public summary, or with a valid token the reporter view: timeline, agency responses, SLA due date',
  })
  status(
    @Param('trackingId') trackingId: string,
    @Headers('x-tracking-token') token: string | undefined,
  ): Promise<unknown> {
    return this.getComplaintStatus.execute(trackingId, token);
  }

  @Post(':trackingId/replies')
  @HttpCode(202)
  @UseGuards(ClientRateLimitGuard)
  @ApiHeader({ name: 'X-Tracking-Token', required: true })
  @ApiAcceptedResponse({ type: ReporterActionResponseDto })
  @ApiConflictResponse({ description: 'The status does not allow it; names the current status' })
  reply(
    @Param('trackingId') trackingId: string,
    @Headers('x-tracking-token') token: string | undefined,
    @Body() dto: ReplyDto,
  ): Promise<ReporterActionResult> {
    const attachments = (dto.attachments ?? []).map(attachmentOf);
    const problems = attachmentSetProblems(attachments);
    const trackingToken = checkedToken(trackingId, token, problems);
    return this.actAsReporter.execute({
      action: 'reply',
      trackingId,
      trackingToken,
      message: dto.message,
      attachments,
    });
  }

  @Post(':trackingId/confirmation')
  @HttpCode(202)
  @UseGuards(ClientRateLimitGuard)
  @ApiHeader({ name: 'X-Tracking-Token', required: true })
  @ApiAcceptedResponse({ type: ReporterActionResponseDto })
  @ApiConflictResponse({ description: 'Only a responded complaint can be confirmed' })
  confirm(
    @Param('trackingId') trackingId: string,
    @Headers('x-tracking-token') token: string | undefined,
    @Body() dto: ConfirmationDto,
  ): Promise<ReporterActionResult> {
    const trackingToken = checkedToken(trackingId, token, []);
    return this.actAsReporter.execute({
      action: 'confirm',
      trackingId,
      trackingToken,
      rating: dto.rating,
      ...(dto.comment !== undefined ? { comment: dto.comment } : {}),
    });
  }

  @Post(':trackingId/reopen')
  @HttpCode(202)
  @UseGuards(ClientRateLimitGuard)
  @ApiHeader({ name: 'X-Tracking-Token', required: true })
  @ApiAcceptedResponse({ type: ReporterActionResponseDto })
  @ApiConflictResponse({ description: 'Only within the window after a response or closure' })
  reopen(
    @Param('trackingId') trackingId: string,
    @Headers('x-tracking-token') token: string | undefined,
    @Body() dto: ReopenDto,
  ): Promise<ReporterActionResult> {
    const trackingToken = checkedToken(trackingId, token, []);
    return this.actAsReporter.execute({
      action: 'reopen',
      trackingId,
      trackingToken,
      reason: dto.reason,
    });
  }
}

function checkedToken(
  trackingId: string,
  token: string | undefined,
  problems: FieldError[],
): string {
  const all = [...problems];
  if (!TRACKING_ID_FORMAT.test(trackingId)) {
    all.push({ field: 'trackingId', message: 'must be a tracking id such as SLR-7K3M-Q9TX-2B8D' });
  }
  if (token === undefined || !TRACKING_TOKEN.test(token)) {
    all.push({ field: 'X-Tracking-Token', message: "is required: the reporter's tracking token" });
  }
  if (all.length > 0 || token === undefined) throw new RequestValidationError(all);
  return token;
}
