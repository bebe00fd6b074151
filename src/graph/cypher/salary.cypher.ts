import { COMPARABLE_SALARY_KEYS, SALARY_AMOUNTS } from '../../model/rules';
import { SALARY_KEYS, salaryProperty, type SalaryKey } from '../codecs';

/* Salary expressions, derived from the codec's one declaration of how a salary is stored. */

const prop = (v: string, key: SalaryKey) => `${v}.${salaryProperty(key)}`;

const isAmount = (key: SalaryKey) => (SALARY_AMOUNTS as readonly string[]).includes(key);

/** The parts of a salary a read can take one by one: its keys and `amounts` (read whole). */
export const SALARY_PARTS: readonly string[] = [...SALARY_KEYS, 'amounts'];

/**
 * A role's salary as a map shaped like SalaryRecord, or null when it has none; with `parts`,
 * only those (a page asking `salary { min max }` reads two properties, not twenty). The
 * schema's figures are whole units (Int) while hourly pay has cents: they are rounded here, and
 * `amounts` keeps them as published.
 */
export const salaryProjection = (v: string, parts: readonly string[] = SALARY_PARTS) => {
  const fields = SALARY_KEYS.filter((k) => parts.includes(k)).map(
    (k) => `${k}: ${isAmount(k) ? `toInteger(round(${prop(v, k)}))` : prop(v, k)}`,
  );
  if (parts.includes('amounts')) {
    fields.push(`amounts: { ${SALARY_AMOUNTS.map((k) => `${k}: ${prop(v, k)}`).join(', ')} }`);
  }
  return `CASE WHEN ${prop(v, 'min')} IS NULL THEN null ELSE { ${fields.join(', ')} } END`;
};

/**
 * The change in pay from role `from` to role `to` (SalaryChangeRecord), or null unless both have
 * comparable salaries (COMPARABLE_SALARY_KEYS); in whole units, as hourly figures have cents.
 */
export const salaryChange = (from: string, to: string) => {
  const comparable = COMPARABLE_SALARY_KEYS.map((k) => `${prop(from, k)} = ${prop(to, k)}`).join(' AND ');
  return `CASE WHEN ${prop(from, 'min')} IS NULL OR ${prop(to, 'min')} IS NULL OR NOT coalesce(${comparable}, false) THEN null
  ELSE { min: toInteger(round(${prop(to, 'min')} - ${prop(from, 'min')})), max: toInteger(round(${prop(to, 'max')} - ${prop(from, 'max')})), currency: ${prop(to, 'currency')} } END`;
};
