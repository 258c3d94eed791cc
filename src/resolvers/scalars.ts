import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder';
import { formatAmount } from '../domain/money';
import { fromUtcDate, isCalendarDate } from '../domain/dates';

/** Reads a string literal or variable, with an error that names the scalar. */
function stringInput(scalar: string, value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError(`${scalar} must be given as a string`);
  return value;
}

const DECIMAL_PATTERN = /^-?\d{1,13}(\.\d{1,2})?$/;

builder.scalarType('Decimal', {
  description:
    'An exact decimal number as a string: amounts always with two decimals ("1250.00"), rates with as many as they have ("8.15", "12.125"). Never a float: parse it with a decimal library.',
  serialize: (value) => {
    const text = value.toString();
    return /\.\d{3,}$/.test(text) ? text : formatAmount(text);
  },
  parseValue: (value) => {
    const text = stringInput('Decimal', value).trim();
    if (!DECIMAL_PATTERN.test(text)) {
      throw new GraphQLError(`Decimal "${text}" must be a number with at most two decimals, e.g. "1250.00"`);
    }
    return text;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Decimal must be given as a string, e.g. "1250.00"');
    if (!DECIMAL_PATTERN.test(ast.value)) {
      throw new GraphQLError(`Decimal "${ast.value}" must be a number with at most two decimals, e.g. "1250.00"`);
    }
    return ast.value;
  },
});

builder.scalarType('Date', {
  description: 'A calendar date without time or zone, ISO 8601 "YYYY-MM-DD". Legal terms count in whole days.',
  serialize: (value) => (value instanceof Date ? fromUtcDate(value) : value),
  parseValue: (value) => {
    const text = stringInput('Date', value);
    if (!isCalendarDate(text)) throw new GraphQLError(`Date "${text}" must be a real date written YYYY-MM-DD`);
    return text;
  },
});

builder.scalarType('DateTime', {
  description: 'An instant in time, ISO 8601 with zone, e.g. "2026-03-01T09:30:00.000Z".',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const d = new Date(stringInput('DateTime', value));
    if (Number.isNaN(d.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 timestamp');
    return d;
  },
});

builder.scalarType('CountryCode', {
  description: 'An ISO 3166-1 alpha-2 country code in capitals, e.g. "NL", "DE", "BE".',
  serialize: (value) => value,
  parseValue: (value) => stringInput('CountryCode', value),
});

builder.scalarType('CurrencyCode', {
  description: 'An ISO 4217 currency code in capitals, e.g. "EUR".',
  serialize: (value) => value,
  parseValue: (value) => stringInput('CurrencyCode', value),
});
