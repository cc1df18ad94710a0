import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicRoute } from '../auth/roles.js';
import { CONSOLE_SCRIPT } from './assets/console-script.js';
import { CONSOLE_STYLESHEET } from './assets/console-stylesheet.js';

// Same-origin files, so the CSP needs neither inline styles nor inline scripts for the console.
@ApiExcludeController()
@PublicRoute()
@Controller('console/assets')
export class AssetsController {
  @Get('console.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  stylesheet(): string {
    return CONSOLE_STYLESHEET;
  }

  @Get('console.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  script(): string {
    return CONSOLE_SCRIPT;
  }
}

// A small mark (the state badges' blue, a check): browsers ask for /favicon.ico on every page.
const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4ed8"/><path d="M8 17l5 5 11-12" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

@ApiExcludeController()
@PublicRoute()
@Controller()
export class FaviconController {
  @Get(['favicon.svg', 'favicon.ico'])
  @Header('content-type', 'image/svg+xml')
  @Header('cache-control', 'public, max-age=86400')
  favicon(): string {
    return FAVICON;
  }
}
