<p>${inventory_hostname} says hello</p>
