<html>
  <head><title>${site_name}</title></head>
  <body>
    <h1>${site_name}</h1>
    <p>Served from ${inventory_hostname} (${ansible_architecture}).</p>
  </body>
</html>
