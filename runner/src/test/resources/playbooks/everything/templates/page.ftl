<h1>${greeting}, ${inventory_hostname}</h1>
<p>release ${release} on ${ansible_distribution}</p>
