import { applyDecorators } from '@nestjs/common';
import { IsString, Length } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

// Length is what makes a password hard to guess (NIST SP 800-63B): no composition rules.
export function IsPassword(): PropertyDecorator {
  return applyDecorators(
    Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
      message: `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
    }),
    IsString(),
  );
}

export class NewPasswordDto {
  @IsPassword()
  password: string;
}

export class ChangePasswordDto {
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'must be given' })
  currentPassword: string;

  @IsPassword()
  newPassword: string;
}
