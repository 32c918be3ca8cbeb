import { optionsHelp, parseOptions, requireUuid, usageOf, UsageError, type OptionSpecs } from './args';

const specs = {
  principal: { type: 'string', required: true, valueName: 'id', description: 'principal id' },
  ttl: { type: 'integer', min: 60, max: 3600, description: 'lifetime' },
  check: { type: 'boolean', description: 'only check' },
} satisfies OptionSpecs;

function options(argv: string[]) {
  const parsed = parseOptions(argv, specs);
  if (parsed.help) throw new Error('unexpected help');
  return parsed.options;
}

function usageErrorOf(argv: string[]): string {
  try {
    parseOptions(argv, specs);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseOptions', () => {
  it('reads "--name value" and "--name=value", integers as numbers and absent flags as false', () => {
    expect(options(['--principal', 'p1', '--ttl=120'])).toEqual({ principal: 'p1', ttl: 120, check: false });
  });

  it('sets a boolean flag and leaves an absent optional value undefined', () => {
    expect(options(['--check', '--principal=p1'])).toEqual({ principal: 'p1', check: true });
  });

  it('keeps values that contain "=" or start with a single dash', () => {
    expect(options(['--principal', '-a=b'])).toMatchObject({ principal: '-a=b' });
    expect(options(['--principal=a=b'])).toMatchObject({ principal: 'a=b' });
  });

  it('fills the positional option from one bare argument, before or after the others, and refuses a second', () => {
    const withPath = {
      path: { type: 'string', positional: true, description: 'a folder' },
      check: { type: 'boolean', description: 'only check' },
    } satisfies OptionSpecs;
    expect(parseOptions(['policies', '--check'], withPath)).toEqual({ help: false, options: { path: 'policies', check: true } });
    expect(parseOptions(['--check', 'policies/default'], withPath)).toEqual({
      help: false,
      options: { path: 'policies/default', check: true },
    });
    expect(() => parseOptions(['a', 'b'], withPath)).toThrow('unexpected argument "b"');
    expect(() => parseOptions(['a', '--path', 'b'], withPath)).toThrow('--path is given more than once (also as the bare argument)');
    expect(() => parseOptions(['stray'], specs)).toThrow('unexpected argument "stray"');
  });

  it('answers help for -h or --help wherever it appears, even with other errors', () => {
    expect(parseOptions(['--bogus', 'stray', '--help'], specs)).toEqual({ help: true });
    expect(parseOptions(['--principal', 'p1', '-h'], specs)).toEqual({ help: true });
  });

  it.each([
    [[], '--principal is required'],
    [['--principal'], '--principal needs a value'],
    [['--principal', '--check'], '--principal needs a value'],
    [['--principal='], '--principal needs a value'],
    [['--principal', 'a', '--principal', 'b'], '--principal is given more than once'],
    [['--principal', 'a', '--nope'], 'unknown option --nope'],
    [['--principal', 'a', 'stray'], 'unexpected argument "stray"'],
    [['--principal', 'a', '--check=yes'], '--check takes no value'],
    [['--principal', 'a', '--ttl', '12.5'], '--ttl must be an integer from 60 to 3600, got "12.5"'],
    [['--principal', 'a', '--ttl', '30'], '--ttl must be an integer from 60 to 3600, got "30"'],
    [['--principal', 'a', '--ttl', '1e3'], '--ttl must be an integer from 60 to 3600, got "1e3"'],
  ])('rejects %j: %s', (argv, message) => {
    expect(usageErrorOf(argv)).toBe(message);
  });

  it('does not treat inherited object keys as options', () => {
    expect(usageErrorOf(['--constructor', 'x'])).toBe('unknown option --constructor');
  });
});

describe('usage and help text', () => {
  it('lists required options first and optional ones in brackets', () => {
    expect(usageOf(specs)).toBe('--principal <id> [--ttl <integer>] [--check]');
  });

  it('describes every option and --help in aligned columns', () => {
    expect(optionsHelp(specs).split('\n')).toEqual([
      '  --principal <id>  principal id',
      '  --ttl <integer>   lifetime',
      '  --check           only check',
      '  -h, --help        show this help',
    ]);
  });
});

describe('requireUuid', () => {
  it('accepts a UUID in either case and says which option is not one', () => {
    expect(() => requireUuid('principal', '3B7D56EE-7a01-40c9-a2ca-8bf297e66063')).not.toThrow();
    expect(() => requireUuid('principal', 'dana')).toThrow(new UsageError('--principal must be a UUID, got "dana"'));
  });
});
