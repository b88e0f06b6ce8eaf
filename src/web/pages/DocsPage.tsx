import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode, useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import {
  DOCUMENTS,
  type DocumentName,
  documentPath,
  isDocumentName,
  resolveDocLink,
} from '../docs/documents.js';
import { type Block, type Inline, parseMarkdown } from '../docs/markdown.js';

function InlineText({ parts }: { parts: readonly Inline[] }): ReactNode {
  return parts.map((part, index) => {
    const key = `${index}-${part.kind}`;
    switch (part.kind) {
      case 'text':
        return <Fragment key={key}>{part.text}</Fragment>;
      case 'code':
        return <code key={key}>{part.text}</code>;
      case 'strong':
        return (
          <strong key={key}>
            <InlineText parts={part.children} />
          </strong>
        );
      case 'em':
        return (
          <em key={key}>
            <InlineText parts={part.children} />
          </em>
        );
      case 'link': {
        const target = resolveDocLink(part.href);
        const text = <InlineText parts={part.children} />;
        if (target === null) return <Fragment key={key}>{text}</Fragment>;
        if ('external' in target)
          return (
            <a key={key} href={target.external} rel="noreferrer" target="_blank">
              {text}
            </a>
          );
        return target.to.startsWith('#') ? (
          <a key={key} href={target.to}>
            {text}
          </a>
        ) : (
          <Link key={key} to={target.to}>
            {text}
          </Link>
        );
      }
    }
  });
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading': {
      // The document's own title is the page's h1; its sections start at h2.
      const Tag = `h${Math.min(6, Math.max(2, block.level))}` as 'h2';
      return block.level === 1 ? null : (
        <Tag id={block.id}>
          <InlineText parts={block.children} />
        </Tag>
      );
    }
    case 'paragraph':
      return (
        <p>
          <InlineText parts={block.children} />
        </p>
      );
    case 'quote':
      return (
        <blockquote>
          <InlineText parts={block.children} />
        </blockquote>
      );
    case 'code':
      return (
        <pre className="doc-code">
          <code>{block.text}</code>
        </pre>
      );
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <InlineText parts={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <section className="table-scroll" aria-label="Table" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                {block.head.map((cell, index) => (
                  <th key={index} scope="col">
                    <InlineText parts={cell} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>
                      <InlineText parts={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      );
  }
}

function DocumentView({ name }: { name: DocumentName }) {
  const document = DOCUMENTS[name];
  const text = useQuery({
    queryKey: ['docs', name],
    queryFn: async () => (await document.load()).default,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const { hash } = useLocation();
  const blocks = text.data === undefined ? [] : parseMarkdown(text.data);
  // A link to a section (#…) lands on it once the document is on the page.
  useEffect(() => {
    if (hash && blocks.length > 0) window.document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [hash, blocks.length]);
  return (
    <article className="doc">
      <title>{`${document.title} · Matchwise`}</title>
      <div className="page-header">
        <h1>{document.title}</h1>
        <p className="muted small">
          From <span className="mono">{document.file}</span> in Matchwise’s source, as built into this
          version.
        </p>
      </div>
      {text.isPending ? <p className="busy-status">Loading…</p> : null}
      {blocks.map((block, index) => (
        <BlockView key={index} block={block} />
      ))}
    </article>
  );
}

/** `/docs/:name`: a project document (the model card, the networking playbook); `/docs` lists them. */
export function DocsPage() {
  const { name } = useParams();
  if (isDocumentName(name)) return <DocumentView key={name} name={name} />;
  return (
    <>
      <title>Documents · Matchwise</title>
      <div className="page-header">
        <h1>Documents</h1>
        <p className="lede">How Matchwise works, in its own documents.</p>
      </div>
      <ul>
        {(Object.keys(DOCUMENTS) as DocumentName[]).map((key) => (
          <li key={key}>
            <Link to={documentPath(key)}>{DOCUMENTS[key].title}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
