import { COMPARABLE_SALARY_KEYS } from '../../model/rules';
import { SALARY_KEYS, salaryProperty, type SalaryKey } from '../codecs';

/* Salary expressions, derived from the codec's one declaration of how a salary is stored. */

const prop = (v: string, key: SalaryKey) => `${v}.${salaryProperty(key)}`;

/** A role's salary as a map shaped like SalaryRecord, or null when it has none. */
export const salaryProjection = (v: string) =>
  `CASE WHEN ${prop(v, 'min')} IS NULL THEN null ELSE { ${SALARY_KEYS.map((k) => `${k}: ${prop(v, k)}`).join(', ')} } END`;

/**
 * The change in pay from role `from` to role `to` (SalaryChangeRecord), or null unless both have
 * comparable salaries (COMPARABLE_SALARY_KEYS).
 */
export const salaryChange = (from: string, to: string) => {
  const comparable = COMPARABLE_SALARY_KEYS.map((k) => `${prop(from, k)} = ${prop(to, k)}`).join(' AND ');
  return `CASE WHEN ${prop(from, 'min')} IS NULL OR ${prop(to, 'min')} IS NULL OR NOT coalesce(${comparable}, false) THEN null
  ELSE { min: ${prop(to, 'min')} - ${prop(from, 'min')}, max: ${prop(to, 'max')} - ${prop(from, 'max')}, currency: ${prop(to, 'currency')} } END`;
};
