import 'govuk-frontend/dist/govuk/govuk-frontend.min.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

// GOV.UK Frontend styles some components differently when JavaScript is running. Set here, not
// in an inline script, because the Content-Security-Policy forbids inline scripts.
document.body.classList.add('govuk-frontend-supported');

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
