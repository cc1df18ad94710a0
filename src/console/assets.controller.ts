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
