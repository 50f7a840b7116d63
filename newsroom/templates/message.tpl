{{%AUTOESCAPE context="HTML"}}{{>HEAD}}<main id="main" class="panel">
<h1>{{TITLE}}</h1>
<p>{{MESSAGE}}</p>
<p><a href="/newsroom/login">{{T_BACK_TO_SIGN_IN}}</a></p>
</main>
</body>
</html>
