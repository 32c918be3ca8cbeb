import { InputType } from '@nestjs/graphql';
import { plainToInstance, Type } from 'class-transformer';
import { JsonField } from '../graphql/json-field.decorator';
import { attachFreeFormJson, detachFreeFormJson, freeFormInputProblems } from './free-form-json';

@InputType()
class StepInput {
  @JsonField() value: unknown;
}

@InputType()
class DecisionLikeInput {
  @JsonField() input: unknown;
  @Type(() => StepInput) steps?: StepInput[];
  @Type(() => Date) at?: Date;
  name?: string;
}

const parsed = (json: string) => JSON.parse(json) as Record<string, unknown>;

describe('free-form JSON kept out of class-transformer', () => {
  it('shows why: class-transformer drops keys named like Object.prototype members', () => {
    expect(plainToInstance(DecisionLikeInput, { input: { a: 1, toString: 'evidence' } }).input).toEqual({ a: 1 });
  });

  it('gives back every value as sent, at any depth of nested inputs, once the instance is built', () => {
    const input = parsed('{"a":1,"toString":"evidence","constructor":{"prototype":[{"valueOf":2}]}}');
    const value = parsed('{"hasOwnProperty":true}');
    const plain = { input, steps: [{ value }], name: 'n' };
    const detached = detachFreeFormJson(plain, DecisionLikeInput);
    expect(detached.shell).toEqual({ input: {}, steps: [{ value: {} }], name: 'n' });
    const instance = attachFreeFormJson(plainToInstance(DecisionLikeInput, detached.shell), detached.json);
    expect(instance).toBeInstanceOf(DecisionLikeInput);
    expect(instance.input).toBe(input);
    expect(instance.steps?.[0]).toBeInstanceOf(StepInput);
    expect(instance.steps?.[0].value).toBe(value);
  });

  it("keeps a scalar's value whole (a Date, as the DateTime scalar gives it), in objects of either prototype", () => {
    const at = new Date('2026-01-31T10:00:00.000Z');
    for (const plain of [{ at }, Object.assign(Object.create(null) as object, { at })]) {
      const detached = detachFreeFormJson(plain, DecisionLikeInput);
      expect((detached.shell as { at: unknown }).at).toBe(at);
      expect(plainToInstance(DecisionLikeInput, detached.shell).at).toEqual(at);
    }
  });

  it('leaves the plain input as it was', () => {
    const plain = { input: { a: 1 }, steps: [{ value: [1] }] };
    detachFreeFormJson(plain, DecisionLikeInput);
    expect(plain).toEqual({ input: { a: 1 }, steps: [{ value: [1] }] });
  });

  it('reports NUL characters in typed fields and unstorable JSON values, by path', () => {
    const detached = detachFreeFormJson({ input: parsed('{"__proto__":1}'), steps: [{ value: 'x' }], name: 'a\u0000' }, DecisionLikeInput);
    expect(freeFormInputProblems(detached, 64).map((p) => p.path)).toEqual(['name', 'input.__proto__']);
  });
});
