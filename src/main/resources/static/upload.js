// The upload page: a file dropped on the box is chosen as if picked, a file over the limit is
// refused before it is sent, and the button says the check is running (it takes a while for a big roster).
(function () {
  var form = document.getElementById('upload');
  if (!form) { return; }
  var drop = document.getElementById('drop');
  var input = document.getElementById('file');
  var button = document.getElementById('check');
  var chosen = document.getElementById('chosen');
  var max = Number(form.getAttribute('data-max-bytes'));
  function show() {
    chosen.textContent = input.files.length ? input.files[0].name : '';
  }
  ['dragenter', 'dragover'].forEach(function (type) {
    drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (e) {
    if (e.dataTransfer.files.length) { input.files = e.dataTransfer.files; show(); }
  });
  input.addEventListener('change', show);
  form.addEventListener('submit', function (e) {
    var file = input.files[0];
    if (file && max > 0 && file.size > max) {
      e.preventDefault();
      var mb = (file.size / 1048576).toFixed(1);
      chosen.textContent = file.name + ' is ' + mb + ' MB, more than the ' + form.getAttribute('data-max') +
        ' an upload may be: split the roster, or ask ops to raise hublinks.serve.max-upload';
      return;
    }
    button.disabled = true;
    button.textContent = 'Checking…';
  });
})();
