import {
  describeValidationError,
  newRequestSchema,
  statusChangeSchema,
  triageSchema,
} from './validation';

const valid = {
  title: 'Remote cache misses on every CI run',
  kind: 'slowdown',
  impactType: 'velocity-tax',
  severity: 'high',
  cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 12 },
  requestingEntityRef: 'component:default/checkout-web',
  platformTeamRef: 'group:default/ci-build',
};

function errorOf(schema: { safeParse(v: unknown): any }, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a validation error');
  return describeValidationError(result.error);
}

describe('newRequestSchema', () => {
  it('accepts a complete request and fills in defaults', () => {
    const parsed = newRequestSchema.parse(valid);
    expect(parsed.description).toBe('');
    expect(parsed.aboutEntityRefs).toEqual([]);
  });

  it.each([
    [{ title: 'abc' }, /^title: must be at least 5 characters$/],
    [{ kind: 'wish' }, /^kind: /],
    [
      { requestingEntityRef: 'not a ref:' },
      /^requestingEntityRef: must be an entity ref/,
    ],
    [
      { cost: { hoursPerEngineerPerWeek: 200, engineersAffected: 3 } },
      /^cost\.hoursPerEngineerPerWeek: cannot exceed the 168 hours in a week$/,
    ],
    [
      { cost: { hoursPerEngineerPerWeek: 2, engineersAffected: 1.5 } },
      /^cost\.engineersAffected: must be a whole number$/,
    ],
  ])('names the field of %p', (change, message) => {
    expect(errorOf(newRequestSchema, { ...valid, ...change })).toMatch(message);
  });
});

describe('statusChangeSchema', () => {
  it('needs a reason to decline, and a reason and revisit date to deprioritize', () => {
    expect(
      errorOf(statusChangeSchema, { version: 1, status: 'declined' }),
    ).toBe('reason: is required when the status is declined');
    expect(
      errorOf(statusChangeSchema, {
        version: 1,
        status: 'deprioritized',
        reason: 'Not this quarter',
      }),
    ).toBe('revisitOn: is required when the status is deprioritized');
    expect(
      statusChangeSchema.parse({
        version: 2,
        status: 'deprioritized',
        reason: 'Not this quarter',
        revisitOn: '2027-04-01',
      }).revisitOn,
    ).toBe('2027-04-01');
  });
});

describe('triageSchema', () => {
  it('keeps fit and reversibility between 1 and 5', () => {
    expect(
      errorOf(triageSchema, {
        version: 1,
        costToShip: 1,
        strategicFit: 6,
        reversibility: 3,
      }),
    ).toMatch(/^strategicFit: /);
  });
});
