import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../account/auth-api.js';
import { sharingApi } from './sharing-api.js';

/** Hosted mode only: what the applicant's advisors wrote about one program, newest first, each marked read here. */
export function AdvisorComments({ acgmeId }: { acgmeId: string }) {
  const me = useQuery({ queryKey: ['auth', 'me'], queryFn: authApi.me, staleTime: Number.POSITIVE_INFINITY });
  const hosted = me.data?.mode === 'hosted';
  const queryClient = useQueryClient();
  const comments = useQuery({
    queryKey: ['comments', acgmeId],
    queryFn: () => sharingApi.comments(acgmeId),
    enabled: hosted,
  });
  const markRead = useMutation({
    mutationFn: sharingApi.markRead,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['comments'] }),
  });
  if (!hosted || !comments.data || comments.data.comments.length === 0) return null;
  return (
    <section aria-label="Advisors’ comments">
      <h3>Advisors’ comments</h3>
      <ul className="advisor-comments">
        {comments.data.comments.map((comment) => (
          <li key={comment.id}>
            <p>{comment.body}</p>
            <p className="field-hint">
              {comment.authorEmail}, {new Date(comment.createdAt).toLocaleDateString()}
              {comment.readAt === null ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button secondary"
                    onClick={() => markRead.mutate(comment.id)}
                  >
                    Mark read
                  </button>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
