import { checkLibraryYaml, type LibraryCheck } from './checkLibraryYaml.ts';

/** The worker's one task: an exercise's YAML checked for the library, off the server's event loop. */
export default function libraryCheckWorker(yaml: string): LibraryCheck {
  return checkLibraryYaml(yaml);
}
