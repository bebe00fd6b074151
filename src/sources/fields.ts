import { z } from 'zod';

/** Column rules shared by the publishers' tables. */
export const text = z.string().trim().min(1, 'must not be empty');
export const optionalText = z.string().trim();
export const onetCode = z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, 'must be an O*NET-SOC code such as 15-1252.00');
export const yesNo = z.enum(['Y', 'N'], { error: 'must be Y or N' });
export const escoUri = z
  .string()
  .regex(/^http:\/\/data\.europa\.eu\/esco\/[a-z-]+\/\S+$/, 'must be an ESCO concept URI');
export const decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a number')
  .transform(Number);
export const wholeNumber = z.string().regex(/^\d+$/, 'must be a whole number').transform(Number);

/** A list the publisher writes as newline-separated lines inside one cell. */
export function lines(cell: string): string[] {
  return [
    ...new Set(
      cell
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
