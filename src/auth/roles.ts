import { SetMetadata } from '@nestjs/common';
import type { TokenRole } from './api-token.entity.js';

export const REQUIRED_ROLE = 'requiredRole';
export const PUBLIC_ROUTE = 'publicRoute';

// By default a viewer may read (GET, HEAD) and writing needs an admin; this overrides it.
export const RequiresRole = (role: TokenRole) => SetMetadata(REQUIRED_ROLE, role);
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
