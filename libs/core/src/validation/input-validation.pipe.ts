import { type ArgumentMetadata, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { attachFreeFormJson, detachFreeFormJson, freeFormInputProblems, refusalOf } from './free-form-json';
import { nulTextProblem } from './json-input-limits';

/**
 * The global ValidationPipe, with what it cannot do for free-form input: `@JsonField` values skip
 * class-transformer and the pipe's in-place key stripping (they arrive as sent), and every string
 * is checked for NUL characters and every JSON value for depth and `__proto__` keys first, so
 * such input is VALIDATION_FAILED with its path rather than an INTERNAL error from PostgreSQL.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor(
    private readonly maxJsonDepth: number,
    options: ValidationPipeOptions,
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (!this.toValidate(metadata)) {
      // A plain string argument (e.g. a rationale) has no class to validate it, but a NUL is refused all the same.
      // Other values that skip validation (a batch, validated item by item) are left to their service.
      const nul = typeof value === 'string' ? nulTextProblem(value, [metadata.data ?? 'argument']) : undefined;
      if (nul) throw refusalOf([nul]);
      return super.transform(value, metadata);
    }
    const input = detachFreeFormJson(value, metadata.metatype);
    const problems = freeFormInputProblems(input, this.maxJsonDepth);
    if (problems.length > 0) throw refusalOf(problems);
    return attachFreeFormJson(await super.transform(input.shell, metadata), input.json);
  }
}
