// Passkeys on the Security page (add) and the sign-in page (sign in). The pages work without this
// module; it only shows the passkey controls where the browser can use them.
const supported = window.PublicKeyCredential
  && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
  && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";

const post = (url, body) => fetch(url, {
  method: "POST",
  credentials: "same-origin",
  headers: { "Content-Type": "application/json", "Accept": "application/json" },
  body: JSON.stringify(body ?? {}),
});

// The words come from the page, in its language (data-say-* on the passkey block); English if missing.
const word = (root, key, english) => root.dataset[key] || english;

const say = (root, text) => {
  const status = root.querySelector("[data-passkey-status]");
  if (status) status.textContent = text;
};

const add = document.querySelector("[data-passkey-add]");
if (add && supported) {
  add.hidden = false;
  document.querySelector("[data-passkey-unsupported]")?.setAttribute("hidden", "");
  add.querySelector("[data-passkey-add-button]").addEventListener("click", async (event) => {
    const button = event.currentTarget;
    button.disabled = true;
    say(add, word(add, "sayPrompt", "Follow your device's prompt…"));
    try {
      // Adding a passkey needs the password again, unless this device signed in a few minutes ago.
      const password = add.querySelector("#passkey-password");
      const asked = await post("/api/v1/me/passkeys/options", { password: password.value || null });
      password.value = "";
      if (!asked.ok) {
        const problem = await asked.json().catch(() => ({}));
        say(add, problem.errors?.password?.[0] ?? problem.detail ?? word(add, "sayNone", "No passkey was added."));
        button.disabled = false;
        return;
      }
      const options = await asked.json();
      const credential = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) });
      const name = add.querySelector("#passkey-name").value;
      const saved = await post("/api/v1/me/passkeys", { credential: JSON.stringify(credential), name });
      if (saved.ok) {
        location.reload();
        return;
      }
      const problem = await saved.json().catch(() => ({}));
      say(add, problem.errors?.password?.[0] ?? word(add, "sayUnsaved", "This passkey could not be saved. Please try again."));
    } catch {
      say(add, word(add, "sayNone", "No passkey was added."));
    }
    button.disabled = false;
  });
}

const signIn = document.querySelector("[data-passkey-signin]");
if (signIn && supported) {
  signIn.hidden = false;
  signIn.querySelector("[data-passkey-signin-button]").addEventListener("click", async (event) => {
    const button = event.currentTarget;
    button.disabled = true;
    say(signIn, word(signIn, "sayPrompt", "Follow your device's prompt…"));
    try {
      const options = await (await post("/api/v1/auth/passkey/options")).json();
      const credential = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
      const result = await post("/api/v1/auth/passkey?useCookies=true", { credential: JSON.stringify(credential) });
      if (result.ok) {
        // The page judged the address (LocalUrls, the same rule as the form); this script judges none.
        location.assign(button.dataset.returnUrl || "/");
        return;
      }
      say(signIn, word(signIn, "sayFailed", "That passkey did not sign you in. Use your password, or try another passkey."));
    } catch {
      say(signIn, word(signIn, "sayNone", "No passkey was used."));
    }
    button.disabled = false;
  });
}
