import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiBodyExample, ApiPathExample } from '../common/api-examples.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import { CreateTokenDto } from './dto/create-token.dto.js';
import { RequiresRole } from './roles.js';
import { CreatedTokenView, TokenList } from './token.view.js';
import { TokensService } from './tokens.service.js';

@ApiTags('tokens')
@ApiBearerAuth()
@RequiresRole('admin')
@Controller('api/tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a token; the secret is in this answer only',
    description: 'Admin only. Names are unique for ever: a revoked name stays taken, as the history cites it.',
  })
  @ApiCreatedResponse({ type: CreatedTokenView })
  @ApiBodyExample(CreateTokenDto, 'A read-only token for an analyst', { name: 'jane.analyst', role: 'viewer' })
  @ApiProblems(403, 409, 413, 415, 503, 507)
  create(@Body() dto: CreateTokenDto): Promise<CreatedTokenView> {
    return this.tokens.create(dto.name, dto.role);
  }

  @Get()
  @ApiOperation({
    summary: 'Names, roles and dates of all tokens; never secrets',
    description: 'Admin only. Revoked tokens are listed with their revocation date.',
  })
  @ApiOkResponse({ type: TokenList })
  @ApiProblems(403)
  list(): Promise<TokenList> {
    return this.tokens.list();
  }

  @Delete(':name')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke a token; it stops working at once',
    description:
      'Admin only, on every instance at once: tokens are looked up on every request. The last active admin ' +
      'token cannot be revoked (409): create another admin token first.',
  })
  @ApiPathExample('name', "The token's name (the one created above in the examples)", 'jane.analyst')
  @ApiNoContentResponse({ description: 'Revoked' })
  // No body is read, but one that is sent must still be JSON within the limit.
  @ApiProblems(403, 404, 409, 413, 415, 507)
  revoke(@Param('name') name: string): Promise<void> {
    return this.tokens.revoke(name);
  }
}
