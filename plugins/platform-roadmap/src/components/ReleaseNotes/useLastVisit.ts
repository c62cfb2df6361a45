import { useEffect, useMemo, useRef, useState } from 'react';
import {
  storageApiRef,
  StorageValueSnapshot,
  useApi,
} from '@backstage/core-plugin-api';

/** The storage bucket of the plugin. */
export const STORAGE_BUCKET = 'platform-roadmap';

/** Where the time of the last visit to an entity's release notes is kept. */
export function lastVisitKey(scopeRef: string): string {
  return `release-notes-last-visit:${scopeRef}`;
}

interface Read {
  key: string;
  snapshot: StorageValueSnapshot<string>;
}

/**
 * When this person last looked at the release notes of an entity, to mark
 * what is new since: read once when the tab opens (later visits in the same
 * session do not hide the marks), and set to now after the notes first
 * loaded. Undefined on a first visit, when nothing is new.
 *
 * Some storage implementations (user settings kept by the backend) only know
 * the value after a while; until then nothing is marked nor written.
 */
export function useLastVisit(
  scopeRef: string,
  loaded: boolean,
): string | undefined {
  const storageApi = useApi(storageApiRef);
  const bucket = useMemo(
    () => storageApi.forBucket(STORAGE_BUCKET),
    [storageApi],
  );
  const key = lastVisitKey(scopeRef);
  const [read, setRead] = useState<Read>(() => ({
    key,
    snapshot: bucket.snapshot<string>(key),
  }));
  // Another entity (the page changed under the tab): read its visit afresh.
  let current = read;
  if (read.key !== key) {
    current = { key, snapshot: bucket.snapshot<string>(key) };
    setRead(current);
  }
  const known = current.snapshot.presence !== 'unknown';

  useEffect(() => {
    if (known) return undefined;
    const subscription = bucket.observe$<string>(key).subscribe(snapshot => {
      if (snapshot.presence === 'unknown') return;
      setRead(previous =>
        previous.key === key && previous.snapshot.presence === 'unknown'
          ? { key, snapshot }
          : previous,
      );
    });
    return () => subscription.unsubscribe();
  }, [bucket, key, known]);

  const written = useRef<string>();
  useEffect(() => {
    if (!loaded || !known || written.current === key) return;
    written.current = key;
    // Forgetting a visit only means fewer "New" marks next time.
    bucket.set(key, new Date().toISOString()).catch(() => undefined);
  }, [bucket, key, known, loaded]);

  const value = current.snapshot.value;
  return current.snapshot.presence === 'present' &&
    typeof value === 'string' &&
    !Number.isNaN(Date.parse(value))
    ? value
    : undefined;
}

/** Whether something created at `createdAt` is newer than the last visit. */
export function isNewSince(
  createdAt: string,
  lastVisit: string | undefined,
): boolean {
  return (
    lastVisit !== undefined && Date.parse(createdAt) > Date.parse(lastVisit)
  );
}
