import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
  type ArgumentsHost,
  type ExceptionFilter,
  Catch,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { RegionDirectory } from '@salur/directory';
import { ProblemDetailsFilter, SERVICE_CONFIG } from '@salur/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SubmitComplaint } from '../../complaints/application/submit-complaint/submit-complaint.use-case';
import { ClientRateLimitGuard } from '../../complaints/http/rate-limit.guard';
import type { IntakeEnv } from '../../config/intake.env';
import {
  findService,
  listServices,
  Open311Failure,
  requestQueryOf,
  serviceDefinition,
  serviceRequestOf,
  splitFormat,
  submissionOfOpen311,
  type Open311Format,
} from '../domain/open311';
import { toXml } from '../domain/open311-xml';
import { Open311RequestReader } from '../persistence/open311-request.reader';

/** Answers `Open311Failure` in the spec's error format; anything else as problem+json. */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly fallback: ProblemDetailsFilter;

  constructor(adapterHost: HttpAdapterHost) {
    this.fallback = new ProblemDetailsFilter(adapterHost);
  }

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (!(exception instanceof Open311Failure)) return this.fallback.catch(exception, host);
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const format = /\.xml(?:\?|$)/.test(request.url) ? 'xml' : 'json';
    send(reply, format, exception.status, 'errors', 'error', exception.errors);
    return undefined;
  }
}

function send(
  reply: FastifyReply,
  format: Open311Format,
  status: number,
  root: string,
  item: string | null,
  value: unknown,
): void {
  if (format === 'xml') {
    void reply
      .status(status)
      .type('text/xml; charset=utf-8')
      .send(toXml(root, item, value));
  } else {
    void reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(value));
  }
}

function formOf(body: unknown): Record<string, string> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new Open311Failure(400, [
      { code: 400, description: 'the body must be application/x-www-form-urlencoded' },
    ]);
  }
  const form: Record<string, string> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    // A parser that nests `attribute[code]` gives `{ attribute: { code } }`: flatten it back.
    if (
      key === 'attribute' &&
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value)
    ) {
      for (const [code, v] of Object.entries(value as Record<string, unknown>)) {
        if (typeof v !== 'string') {
          throw new Open311Failure(400, [
            { code: 400, description: `attribute[${code}] is given more than once` },
          ]);
        }
        form[`attribute[${code}]`] = v;
      }
      continue;
    }
    if (typeof value !== 'string') {
      throw new Open311Failure(400, [{ code: 400, description: `${key} is given more than once` }]);
    }
    form[key] = value;
  }
  return form;
}

/**
 * Open311 GeoReport v2 at `/open311/v2`: `services`, `services/{code}`, `requests` (GET and POST),
 * `requests/{id}`, `tokens/{token}`, each as `.json` or `.xml`, with the spec's error bodies.
 */
@ApiExcludeController()
@Controller('open311/v2')
@UseFilters(Open311ErrorFilter)
export class Open311Controller {
  private readonly apiKeyHashes: Buffer[];

  constructor(
    private readonly submitComplaint: SubmitComplaint,
    private readonly regions: RegionDirectory,
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) config: IntakeEnv,
  ) {
    this.apiKeyHashes = config.OPEN311_API_KEYS.map(sha256);
  }

  private get reader(): Open311RequestReader {
    return new Open311RequestReader(this.dataSource.manager);
  }

  @Get(':file')
  async collection(
    @Param('file') file: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { name, format } = splitFormat(file);
    if (name === 'services') {
      send(reply, format, 200, 'services', 'service', listServices());
      return;
    }
    if (name === 'requests') {
      const views = await this.reader.find(requestQueryOf(query, new Date()));
      send(reply, format, 200, 'service_requests', 'request', views.map(serviceRequestOf));
      return;
    }
    throw notFound(`no resource ${name}`);
  }

  @Get('services/:file')
  service(@Param('file') file: string, @Res() reply: FastifyReply): void {
    const { name, format } = splitFormat(file);
    const category = findService(name);
    if (!category) throw notFound(`service_code ${name} is not a service`);
    const definition = serviceDefinition(category);
    if (format === 'xml') {
      send(reply, format, 200, 'service_definition', null, {
        service_code: definition.service_code,
        attributes: { attribute: definition.attributes },
      });
    } else {
      send(reply, format, 200, 'service_definition', null, definition);
    }
  }

  @Get('requests/:file')
  async request(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const { name, format } = splitFormat(file);
    const views = await this.reader.find({
      ids: [name],
      serviceCodes: null,
      status: null,
      from: new Date(0),
      to: new Date(),
      limit: 1,
    });
    if (views.length === 0) throw notFound(`service_request_id ${name} not found`);
    send(reply, format, 200, 'service_requests', 'request', views.map(serviceRequestOf));
  }

  @Get('tokens/:file')
  async token(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const { name, format } = splitFormat(file);
    const trackingId = await this.reader.trackingIdOf(name);
    if (trackingId === null) throw notFound(`token ${name} not found`);
    send(reply, format, 200, 'service_requests', 'request', [
      { service_request_id: trackingId, token: name },
    ]);
  }

  @Post(':file')
  @UseGuards(ClientRateLimitGuard)
  async create(
    @Param('file') file: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { name, format } = splitFormat(file);
    if (name !== 'requests') throw notFound(`no resource ${name}`);
    if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
      throw new Open311Failure(400, [
        { code: 400, description: 'the body must be application/x-www-form-urlencoded' },
      ]);
    }
    const form = formOf(body);
    if (!this.apiKeyValid(form.api_key)) {
      throw new Open311Failure(403, [{ code: 403, description: 'api_key is missing or invalid' }]);
    }
    const input = submissionOfOpen311(form, (code) => {
      const check = this.regions.check(code);
      return check.known ? null : { field: 'attribute[region_code]', message: check.message };
    });
    const result = await this.submitComplaint.execute({
      input,
      fingerprint: createHash('sha256').update(JSON.stringify(input)).digest('hex'),
    });
    send(reply, format, 201, 'service_requests', 'request', [
      {
        service_request_id: result.trackingId,
        service_notice: `Laporan diterima; lacak dengan ${result.trackingId}`,
        account_id: null,
      },
    ]);
  }

  private apiKeyValid(key: string | undefined): boolean {
    if (key === undefined || key === '') return false;
    const presented = sha256(key);
    return this.apiKeyHashes.some((hash) => timingSafeEqual(hash, presented));
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function notFound(description: string): Open311Failure {
  return new Open311Failure(404, [{ code: 404, description }]);
}
