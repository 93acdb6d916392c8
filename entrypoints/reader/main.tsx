import { render } from 'preact';
import { ReaderPage } from '../../components/reader/ReaderPage';
import type { LibraryProtocol } from '../../lib/library/protocol';
import { pack } from '../../lib/pack/bundled';
import { send } from '../../lib/transport';
import '../../components/shared/theme.css';
import '../../components/reader/reader.css';

type Mine = LibraryProtocol['library:sources']['res'];

const root = document.getElementById('app');
if (root) {
  // The reader's own sources come from the background (its library build); the bundled
  // ones are here already. Without an answer, the bundled ones alone.
  void send('library:sources', {})
    .catch((): Mine => ({ sources: [], claims: [] }))
    .then((mine) =>
      render(
        <ReaderPage
          sources={[...mine.sources, ...pack.sources]}
          claims={[...pack.claims, ...mine.claims]}
          search={location.search}
        />,
        root,
      ),
    );
}
