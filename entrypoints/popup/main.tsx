import { render } from 'preact';
import { createPopupApi } from '../../components/popup/api';
import { Popup } from '../../components/popup/Popup';
import '../../components/shared/theme.css';
import '../../components/popup/popup.css';

const root = document.getElementById('app');
if (root) render(<Popup api={createPopupApi()} />, root);
