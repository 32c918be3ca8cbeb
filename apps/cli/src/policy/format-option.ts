import { UsageError, type OptionSpec } from '../args';

/** The --format option of the policy commands, apart from the renderers so that help loads no lib. */
export const FORMATS = ['text', 'json', 'markdown', 'junit', 'sarif', 'github'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export const FORMAT_OPTION: OptionSpec = {
  type: 'string',
  valueName: FORMATS.join('|'),
  description:
    'text for a person (default); json; markdown (a pull-request comment); junit (XML); sarif (2.1.0); github (workflow annotations)',
};

export function parseFormat(value: string | undefined): OutputFormat {
  const format = (value ?? 'text') as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${value}"`);
  return format;
}
