{{%AUTOESCAPE context="HTML"}}<footer class="site-footer">
{{#SOCIAL_LINKS}}<nav class="site-footer__social" aria-label="{{T_FOLLOW_US}}">
<h2 class="site-footer__heading">{{T_FOLLOW_US}}</h2>
<ul>
{{#SOCIAL}}<li><a href="{{SOCIAL_URL}}" rel="me noopener">{{SOCIAL_NAME}}</a></li>
{{/SOCIAL}}</ul>
</nav>
{{/SOCIAL_LINKS}}{{#SISTER_SITES}}<nav class="site-footer__network" aria-label="{{T_SISTER_SITES}}">
<h2 class="site-footer__heading">{{T_SISTER_SITES}}</h2>
<ul>
{{#SISTER}}<li><a href="{{SISTER_URL}}" lang="{{SISTER_LANG}}" hreflang="{{SISTER_LANG}}" dir="{{SISTER_DIR}}">{{SISTER_NAME}}</a></li>
{{/SISTER}}</ul>
</nav>
{{/SISTER_SITES}}<nav class="site-footer__feeds" aria-label="{{T_FEEDS}}">
<h2 class="site-footer__heading">{{T_FEEDS}}</h2>
<ul>
{{#FEED_LINK}}<li><a href="{{FEED_LINK_URL}}" type="{{FEED_LINK_TYPE}}" lang="en" dir="ltr">{{FEED_LINK_NAME}}</a></li>
{{/FEED_LINK}}</ul>
</nav>
{{#FOOTER_CREDIT}}<p class="site-footer__credit">{{FOOTER_CREDIT_TEXT}}</p>
{{/FOOTER_CREDIT}}{{#ADDRESS}}<address class="site-footer__address">{{PUBLISHER_ADDRESS}}</address>
{{/ADDRESS}}<p class="site-footer__rights">© {{YEAR}} {{SITE_NAME}}. {{T_ALL_RIGHTS}}</p>
</footer>
</body>
</html>
