// kopiraj dugme
const dugme = document.querySelector("#kopiraj");
dugme.addEventListener("click", () => navigator.clipboard.writeText("ljubav"));
