// Plain textarea pages need no editor; this file keeps every page's script external
// (the CSP page allows only 'self').
// Forms post in place, as the sites' scripts do: no navigation.
for (const form of document.forms) form.addEventListener('submit', (event) => event.preventDefault());
document.documentElement.dataset.ready = 'yes';
