import { render } from 'preact';
import { createLibraryApi } from '../../components/library/api';
import { LibraryRoot } from '../../components/library/LibraryPage';
import '../../components/shared/theme.css';
import '../../components/library/library.css';

const root = document.getElementById('app');
if (root) render(<LibraryRoot api={createLibraryApi()} search={location.search} />, root);
