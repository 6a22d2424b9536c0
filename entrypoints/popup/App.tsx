export function App() {
  return (
    <main>
      <h1>Garment Scout</h1>
      <p>Right-click a product image and choose “Classify garment”.</p>
    </main>
  );
}
