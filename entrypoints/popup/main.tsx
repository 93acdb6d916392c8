import { render } from 'preact';
import { createPopupApi } from '../../components/popup/api';
import { Popup } from '../../components/popup/Popup';
import '../../components/shared/theme.css';
// The highlights' own rules: the colour key paints with them (components/shared/ColourKey.tsx).
import '../highlights.content.css';
import '../../components/popup/popup.css';

const root = document.getElementById('app');
if (root) render(<Popup api={createPopupApi()} />, root);
