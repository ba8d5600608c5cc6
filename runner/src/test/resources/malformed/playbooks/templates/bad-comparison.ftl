ok
${a > > b}
