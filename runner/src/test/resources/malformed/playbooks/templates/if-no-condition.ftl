a
<#if>x</#if>
