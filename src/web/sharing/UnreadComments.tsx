import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { plural } from '../../core/shared/plural.js';
import { authApi } from '../account/auth-api.js';
import { sharingApi } from './sharing-api.js';

/** Home's line for hosted mode: how many advisors' comments are unread, and where they are. Nothing when none. */
export function UnreadComments() {
  const me = useQuery({ queryKey: ['auth', 'me'], queryFn: authApi.me, staleTime: Number.POSITIVE_INFINITY });
  const hosted = me.data?.mode === 'hosted';
  const comments = useQuery({
    queryKey: ['comments', 'all'],
    queryFn: () => sharingApi.comments(),
    enabled: hosted,
  });
  const unread = comments.data?.unread ?? 0;
  if (!hosted || unread === 0) return null;
  const programs = new Set(comments.data?.comments.filter((c) => c.readAt === null).map((c) => c.acgmeId));
  return (
    <p className="status-info" role="status">
      {plural(unread, 'unread comment')} from your advisors on {plural(programs.size, 'program')}: open the
      program on the <Link to="/programs">Programs</Link> page to read {unread === 1 ? 'it' : 'them'}.
    </p>
  );
}
