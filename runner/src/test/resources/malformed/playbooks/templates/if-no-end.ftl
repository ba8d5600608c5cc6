a
b
<#if x>
c
