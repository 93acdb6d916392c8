import { render } from 'preact';
import { ReaderPage } from '../../components/reader/ReaderPage';
import { pack } from '../../lib/pack/bundled';
import '../../components/shared/theme.css';
import '../../components/reader/reader.css';

const root = document.getElementById('app');
if (root) {
  render(<ReaderPage sources={pack.sources} claims={pack.claims} search={location.search} />, root);
}
