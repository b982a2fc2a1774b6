// Plain textarea pages need no editor; this file keeps every page's script external
// (the CSP page allows only 'self').
document.documentElement.dataset.ready = 'yes';
