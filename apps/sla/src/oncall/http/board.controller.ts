import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { BOARD_HTML } from './board.page';

/**
 * The on-call board: a static page that reads `/v1/sla/breaches`, `/v1/sla/at-risk` and the SSE
 * stream with the officer's bearer token (kept in the browser's session storage).
 */
@ApiExcludeController()
@Controller('board')
export class BoardController {
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  @Header(
    'content-security-policy',
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  )
  page(): string {
    return BOARD_HTML;
  }
}
