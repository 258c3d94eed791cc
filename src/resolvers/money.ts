import { builder } from './builder';
import type { Money as MoneyValue } from '../domain/money';

export type MoneyShape = { amount: MoneyValue | string; currency: string };

export const MoneyRef = builder.objectRef<MoneyShape>('Money').implement({
  authScopes: { authenticated: true },
  description: 'An amount of money: an exact decimal and its currency.',
  fields: (t) => ({
    amount: t.field({ type: 'Decimal', description: 'The amount with two decimals, e.g. "150.00".', resolve: (m) => m.amount }),
    currency: t.expose('currency', { type: 'CurrencyCode', description: 'ISO 4217 code, e.g. "EUR".' }),
  }),
});

export const eur = (amount: MoneyValue | string): MoneyShape => ({ amount, currency: 'EUR' });
