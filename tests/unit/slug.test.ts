import { slugify } from '../../src/model/slug';

describe('slugify', () => {
  it.each([
    ['Backend Engineer', 'backend-engineer'],
    ['Senior Backend Engineer', 'senior-backend-engineer'],
    ['Staff Engineer', 'staff-engineer'],
    ['Node.js', 'node-js'],
    ['CI/CD', 'ci-cd'],
    ['Spring Boot', 'spring-boot'],
    ['VS Code', 'vs-code'],
    ['  C++  ', 'c'],
    ['Agile/Scrum Development', 'agile-scrum-development'],
  ])('%p becomes %p', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});
