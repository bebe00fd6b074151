import { Role } from '../role/role.type';
import { Category, Employer, Framework, Language, Skill, Tool, Workflow } from './entity.types';
import { Link } from './link';

/* One link type per kind at the far end; `emphasis`, `note` and `sources` come from the edge. */

export const RoleLink = Link(Role, 'RoleLink', 'role', 'A relationship to a role, with its properties.');
export const ToolLink = Link(Tool, 'ToolLink', 'tool', 'A relationship to a tool, with its properties.');
export const SkillLink = Link(Skill, 'SkillLink', 'skill', 'A relationship to a skill, with its properties.');
export const FrameworkLink = Link(
  Framework,
  'FrameworkLink',
  'framework',
  'A relationship to a framework, with its properties.',
);
export const LanguageLink = Link(
  Language,
  'LanguageLink',
  'language',
  'A relationship to a language, with its properties.',
);
export const WorkflowLink = Link(
  Workflow,
  'WorkflowLink',
  'workflow',
  'A relationship to a workflow, with its properties.',
);
export const EmployerLink = Link(
  Employer,
  'EmployerLink',
  'employer',
  'A relationship to an employer, with its properties.',
);
export const CategoryLink = Link(
  Category,
  'CategoryLink',
  'category',
  'A relationship to a category, with its properties.',
);
