line one
${name
