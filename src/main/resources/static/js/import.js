// The import page's drop zone (docs/web.md): a file dropped on the box goes into the form's file input and the form
// is sent, exactly as if it had been chosen with the input (which stays the keyboard way).
(function () {
  const zone = document.getElementById('dropzone');
  const input = document.getElementById('file');
  const form = document.getElementById('import-form');
  if (!zone || !input || !form) {
    return;
  }
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      event.preventDefault();
      zone.classList.add('dragging');
    });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function () {
      zone.classList.remove('dragging');
    });
  });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length > 0) {
      input.files = event.dataTransfer.files;
      form.requestSubmit();
    }
  });
})();
