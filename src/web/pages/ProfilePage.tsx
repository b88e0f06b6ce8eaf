import { useState } from 'react';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { toProblem } from '../lib/api/problem.js';
import { useProfile } from '../lib/api/queries.js';
import { ProfileTransfer } from '../profile/ProfileTransfer.js';
import { ProfileWizard } from '../profile/ProfileWizard.js';

export function ProfilePage() {
  const profile = useProfile();
  // Bumped after an import so the form starts again from the imported profile.
  const [formVersion, setFormVersion] = useState(0);

  return (
    <>
      <title>Profile · Matchwise</title>
      <div className="page-header">
        <h1>Your profile</h1>
        <p className="lede">
          Matchwise uses your exams, experience and preferences to judge which programs fit you. Everything
          stays on this computer.
        </p>
      </div>
      {profile.isPending ? (
        <p role="status">Loading your profile…</p>
      ) : profile.isError ? (
        <ProblemAlert
          problem={toProblem(profile.error)}
          heading="Your profile could not be loaded"
          onRetry={() => void profile.refetch()}
        />
      ) : (
        <>
          <ProfileWizard key={formVersion} record={profile.data} />
          <ProfileTransfer
            hasProfile={profile.data !== null}
            onImported={() => setFormVersion((v) => v + 1)}
          />
        </>
      )}
    </>
  );
}
