import { Hono } from 'hono';
import { applicantProfileSchema } from '../../core/profile/applicant-profile.js';
import { profileImportSchema, toProfileFile } from '../../core/profile/profile-file.js';
import type { OwnerDatabase } from '../../db/index.js';
import type { OwnerEnv } from '../owner-scope.js';
import { ProblemError } from '../problem.js';
import { readBody } from '../read-body.js';

export function profileRoutes() {
  return (
    new Hono<OwnerEnv>()
      // No profile yet is where every applicant starts, not an error: 200 with null keeps consoles quiet.
      .get('/', async (c) => c.json((await c.var.db.profiles.get()) ?? null))
      .put('/', async (c) => {
        const profile = await readBody(c, applicantProfileSchema);
        return c.json(await c.var.db.profiles.save(profile));
      })
      .get('/export', async (c) => {
        const saved = await c.var.db.profiles.get();
        if (!saved) throw new ProblemError(404, 'No profile saved yet');
        c.header('content-disposition', 'attachment; filename="matchwise-profile.json"');
        return c.json(toProfileFile(saved.profile, new Date()));
      })
      .post('/import', async (c) => {
        const profile = await readBody(c, profileImportSchema);
        return c.json(await c.var.db.profiles.save(profile));
      })
  );
}
