import { useEffect, useState } from 'react';
import { api } from '../classroom/instructorApi.ts';

/**
 * Whether a classroom server serves this page (the library is then the server's, behind the
 * instructor's passphrase) or not (the solo build: the library is kept in this browser).
 */
export function useClassroomServer(): 'asking' | 'server' | 'solo' {
  const [where, setWhere] = useState<'asking' | 'server' | 'solo'>('asking');
  useEffect(() => {
    let live = true;
    api<{ passphraseSet: boolean }>('/api/instructor/status', null).then(
      () => live && setWhere('server'),
      () => live && setWhere('solo'),
    );
    return () => {
      live = false;
    };
  }, []);
  return where;
}
