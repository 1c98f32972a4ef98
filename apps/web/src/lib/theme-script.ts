/** Runs before the page paints: the saved theme (dark unless "light" was chosen). */
export const themeScript = `try{if(localStorage.getItem("aura-theme")==="light")document.documentElement.classList.add("light")}catch(e){}`;
