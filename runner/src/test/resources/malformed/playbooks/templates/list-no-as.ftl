<#list items>
${x}
</#list>
